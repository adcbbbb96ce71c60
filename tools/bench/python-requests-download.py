"""The Python baseline: requests + a 5-thread pool, the way pyucalgarysrs downloads files."""
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import requests


def fetch(job):
    url, path = job
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with requests.get(url, stream=True, timeout=30) as r:
        r.raise_for_status()
        with open(path, "wb") as f:
            for chunk in r.iter_content(chunk_size=8192):
                f.write(chunk)


def main():
    list_file, out_dir = sys.argv[1], sys.argv[2]
    with open(list_file) as f:
        urls = [line.strip() for line in f if line.strip()]
    jobs = [(u, os.path.join(out_dir, u.split("/")[-1])) for u in urls]
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(fetch, jobs))


main()
