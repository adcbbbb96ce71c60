# The Python client's method (cloudcatalog CloudCatalog.request_cloud_catalog): boto3 get_object per
# year (unsigned), pandas.read_csv of the bytes, concat, to_datetime with the client's format cascade,
# then the overlap filter. Prints {"rows", "seconds", "maxRssKb"}.
# Usage: /usr/bin/python3 scregistry-python.py <s3 endpoint> <bucket> <index prefix> <dataset> <first year> <last year> <start> <stop>
import io
import json
import re
import sys
import time

import boto3
import pandas as pd
from botocore import UNSIGNED
from botocore.client import Config



def peak_rss_kb():
    # VmHWM, not getrusage: a child's ru_maxrss starts at its parent's peak on Linux.
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1))


endpoint, bucket, prefix, dataset, first, last, start, stop = sys.argv[1:]
began = time.perf_counter()
s3 = boto3.client(
    "s3",
    endpoint_url=endpoint,
    region_name="us-east-1",
    config=Config(signature_version=UNSIGNED, s3={"addressing_style": "path"}),
)
frames = []
for year in range(int(first), int(last) + 1):
    body = s3.get_object(Bucket=bucket, Key=f"{prefix}{dataset}_{year}.csv")["Body"].read()
    frames.append(pd.read_csv(io.BytesIO(body)))
frs = pd.concat(frames)
for column in ("start", "stop"):
    try:
        frs[column] = pd.to_datetime(frs[column], format="%Y-%m-%dT%H:%M:%S.%fZ", exact=False)
    except Exception:
        try:
            frs[column] = pd.to_datetime(frs[column], format="%Y-%m-%dT%H:%M:%SZ", exact=False)
        except Exception:
            frs[column] = pd.to_datetime(frs[column], format="%Y-%m-%dT%H:%MZ", exact=False)
start_date = pd.Timestamp(start.rstrip("Z"))
stop_date = pd.Timestamp(stop.rstrip("Z"))
frs = frs[(frs["stop"] >= start_date) & (frs["start"] < stop_date)]
rows = len(frs)
seconds = time.perf_counter() - began
print(json.dumps({"rows": rows, "seconds": seconds, "maxRssKb": peak_rss_kb()}))
