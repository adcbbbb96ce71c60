# One astropy.io.votable parse of a VOTable file (the benchmark's baseline); prints the row count.
# Usage: /usr/bin/python3 votable-astropy.py <file>
import sys

from astropy.io.votable import parse

table = parse(sys.argv[1]).get_first_table()
print(len(table.array))
