#!/usr/bin/env python3
"""The Python SDK's side of bench/python-sdk.py: Kingsoft's official `kscore` doing what kecsh does.

    python3 bench/kscore_side.py --sdk DIR --endpoint URL MODE [N]

DIR is a checkout of https://github.com/KscSDK/ksc-sdk-python (it holds the `kscore` package; nothing of it
is copied here). The keys come from KSYUN_ACCESS_KEY / KSYUN_SECRET_KEY (what `kecsh sandbox` prints).
Modes, each a whole process of its own (bench/python-sdk.py times the process from outside):
  one-call      one DescribeRegions, the script an operator would write;
  calls [N]     N DescribeInstances (MaxResults 10) after a short warm-up, sequentially and then on 8 threads
                sharing one client: calls/s and the process's CPU per call (every thread of it);
  cold [N]      N DescribeInstances (MaxResults 10) and nothing else: time it from outside for peak RSS;
  page          every instance through a Marker loop (DescribeInstances, MaxResults 1000);
  seed N        RunInstances (50 a call, spread over the region's seeded subnets) until the region holds N.
The imports are timed with the call: they are what a one-call script costs.
"""
import argparse, os, sys, threading, time


def client(sdk, endpoint):
    sys.path.insert(0, os.path.abspath(sdk))
    from kscore.session import get_session
    return get_session().create_client(
        "kec", "cn-beijing-6", use_ssl=endpoint.startswith("https"), endpoint_url=endpoint,
        ks_access_key_id=os.environ["KSYUN_ACCESS_KEY"], ks_secret_access_key=os.environ["KSYUN_SECRET_KEY"])


def describe(c):
    return c.describe_instances(MaxResults=10)


def calls(c, n):
    for _ in range(min(200, n)):  # connections and first-call caches; CPython has no JIT to warm
        describe(c)
    cpu0, t0 = time.process_time(), time.monotonic()
    for _ in range(n):
        describe(c)
    report("sequential", n, time.monotonic() - t0, time.process_time() - cpu0)
    threads, each = 8, n // 8
    workers = [threading.Thread(target=lambda: [describe(c) for _ in range(each)]) for _ in range(threads)]
    cpu0, t0 = time.process_time(), time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    report("8 threads", each * threads, time.monotonic() - t0, time.process_time() - cpu0)


def report(how, n, wall, cpu):
    print(f"{how:<10} {n:6d} calls: {n / wall:7.0f} calls/s, process CPU {cpu / n * 1e6:6.0f} µs/call", flush=True)


def page(c):
    t0, count, marker = time.monotonic(), 0, 0
    while True:
        r = c.describe_instances(MaxResults=1000, Marker=marker)
        got = r.get("InstancesSet", [])
        count += len(got)
        if not got or count >= r.get("InstanceCount", 0):
            break
        marker = r.get("Marker", marker + len(got))
    print(f"Marker loop: {count} instances in {time.monotonic() - t0:.2f} s", flush=True)


def seed(c, target):
    images = c.describe_images()["ImagesSet"]
    image = next(i["ImageId"] for i in images if i.get("Platform") == "centos-7.6")
    have = c.describe_instances(MaxResults=5)["InstanceCount"]
    subnets, group, t0 = None, None, time.monotonic()
    while have < target:
        if subnets is None:
            subnets, group = network(c)
        n = min(50, target - have)
        subnet = subnets[(have // 50_000) % len(subnets)]
        try:
            c.run_instances(ImageId=image, InstanceType="S4.2B", MaxCount=n, MinCount=n, SubnetId=subnet,
                            SecurityGroupId=group, ChargeType="HourlyInstantSettlement", InstanceName="seed")
        except Exception as e:  # the type is not sold in every zone: use the subnets of those where it is
            if "not sold" not in str(e) or len(subnets) < 3:
                raise
            subnets.remove(subnet)
            continue
        have += n
        if have % 10_000 == 0:
            print(f"seeded {have} in {time.monotonic() - t0:.0f} s", flush=True)
    print(f"the region holds {c.describe_instances(MaxResults=5)['InstanceCount']} instances", flush=True)


def network(c):
    """The region's seeded subnets (each a /16: 62,500 addresses, so 100k needs two) and a security group."""
    from kscore.session import get_session
    vpc = get_session().create_client(
        "vpc", "cn-beijing-6", use_ssl=False, endpoint_url=c.meta.endpoint_url,
        ks_access_key_id=os.environ["KSYUN_ACCESS_KEY"], ks_secret_access_key=os.environ["KSYUN_SECRET_KEY"])
    return ([s["SubnetId"] for s in vpc.describe_subnets()["SubnetSet"]],
            vpc.describe_security_groups()["SecurityGroupSet"][0]["SecurityGroupId"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sdk", required=True)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("mode", choices=["one-call", "calls", "cold", "page", "seed"])
    ap.add_argument("n", nargs="?", type=int)
    o = ap.parse_args()
    c = client(o.sdk, o.endpoint)
    if o.mode == "one-call":
        c.describe_regions()
    elif o.mode == "calls":
        calls(c, o.n or 5000)
    elif o.mode == "cold":
        for _ in range(o.n or 2000):
            describe(c)
    elif o.mode == "page":
        page(c)
    else:
        seed(c, o.n or 100_000)


if __name__ == "__main__":
    main()
