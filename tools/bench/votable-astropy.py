# One astropy.io.votable parse of a VOTable file (the benchmark's baseline); prints the row count and the
# seconds of the parse call alone (after Python and astropy are loaded).
# Usage: /usr/bin/python3 votable-astropy.py <file>
import sys
import time

from astropy.io.votable import parse

start = time.perf_counter()
table = parse(sys.argv[1]).get_first_table()
rows = len(table.array)
print(rows, time.perf_counter() - start)
