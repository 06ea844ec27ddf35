#!/usr/bin/env python3
"""Writes the seed programs of the com_calls fuzz target (fuzz/seeds/com_calls/).

A program is a fixture byte, an elevated byte, then operations (fuzz/com_oracle.rs reads
them): each helper below emits one operation's bytes. Run from fuzz/: python3 tools/com_seeds.py
"""
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "seeds", "com_calls")
IID = {"VolumeLevel": 10, "Mute": 6, "JackDescription": 13, "IUnknown": 15,
       "IDeviceTopology": 16, "IConnector": 17, "IPart": 18, "ISubunit": 19,
       "IMMDevice": 22, "IMMEndpoint": 23, "IKsControl": 27, "IAudioClient": 29}
OK = 1  # a "null" byte that is not NULL (NULL is byte % 8 == 0)


def get_device(n):                 # enumerator GetDevice(ids[n])
    return [0, 0, 2, 0, OK, 4 * n + 2, OK]

def enum_endpoints(flow, mask_ix):
    return [0, 0, 0, flow, OK, mask_ix]

def default_endpoint(flow, role):
    return [0, 0, 1, flow, OK, role]

def collection_item(pick, index):
    return [1, pick, index, OK, 0]

def activate_device(pick, iid):
    return [2, pick, OK, 3, iid, OK]

def device(pick, which, extra=()):
    return [2, pick, OK, which, *extra]

def store(pick, which, index=0):
    return [3, pick, OK, which, index]

def topology(pick, which, index=0, id_ix=0, plus=0):
    return [4, pick, OK, index, which, id_ix, plus]

def signal_path(pick, frm, to, reject=0):
    return [5, pick, frm, to, reject]

def part(pick, which, *extra):
    return [6, pick, OK, which, *extra]

def qi(index, iid, null=OK):
    return [8, index, iid, null]

def connector(pick, which, k=3):
    return [9, pick, OK, which, k]

def parts_list(pick, index, count=0):
    return [11, pick, OK, index, count]

def control(pick, *rest):
    return [12, pick, OK, *rest]

def callback(pick, sink, register, kind=10):
    return [13, pick, sink, OK, register, kind]

def ks(pick, descriptor, data_len, no_data=0):
    return [14, pick, len(descriptor), *descriptor, data_len, no_data]

def lifetime(k, which, state=0):
    return [15, k, which, state]


def walk(fixture, devices):
    """Enumerator -> each device -> topology -> connectors, subunits, parts, controls."""
    prog = [fixture, 1]
    for n in range(devices):
        prog += get_device(n)
        prog += device(n, 0) + device(n, 1) + device(n, 2, [0])
        prog += activate_device(n, IID["IDeviceTopology"])
        prog += topology(n, 0) + topology(n, 1) + topology(n, 5)
        prog += topology(n, 2, index=0) + topology(n, 3, index=0) + topology(n, 3, index=1)
        for w in range(10):
            prog += part(n, w)
        prog += connector(n, 0) + connector(n, 1) + connector(n, 2) + connector(n, 3)
        prog += connector(n, 4) + connector(n, 5)
        prog += qi(n + 1, IID["IPart"]) + qi(n + 2, IID["IConnector"])
        prog += part(n, 10, IID["VolumeLevel"], 1, OK)
        prog += part(n, 10, IID["Mute"], 1, OK)
    return bytes(prog)


def seeds():
    yield "walk-four", walk(0, 4)
    yield "walk-sysvad", walk(1, 8)
    yield "walk-headsets", walk(2, 6)
    yield "walk-real-hda", walk(3, 2)
    # Controls: a level and a mute, set and read, with callbacks registered on both sinks.
    p = [0, 1] + get_device(2) + activate_device(0, IID["IDeviceTopology"])
    p += topology(0, 4, id_ix=3) + topology(0, 4, id_ix=2, plus=0)
    p += part(0, 10, IID["VolumeLevel"], 1, OK) + part(1, 10, IID["Mute"], 1, OK)
    p += callback(0, 0, 1, 10) + callback(1, 1, 1, 6) + callback(0, 0, 1, 13)
    for db in range(8):
        p += control(0, 0, db, 2) + control(0, 1, 0, 1) + control(0, 0, db, 3)
    p += control(1, 1, 1) + control(1, 0) + control(1, 1, 0)
    p += callback(0, 0, 0) + callback(0, 0, 0) + callback(1, 1, 0)
    yield "controls-callbacks", bytes(p)
    # Connections: disconnect, reconnect, foreign and non-devtopo pointers, NULL.
    p = [0, 1] + get_device(0) + get_device(2)
    p += activate_device(0, IID["IDeviceTopology"]) + activate_device(1, IID["IDeviceTopology"])
    p += topology(0, 2, 0) + topology(1, 2, 0) + topology(1, 2, 2)
    p += connector(0, 6) + connector(0, 2) + connector(0, 7, 3) + connector(0, 7, 9)
    p += connector(1, 7, 1) + connector(1, 7, 2) + connector(1, 7, 0) + connector(0, 3)
    p += connector(2, 6) + connector(2, 7, 4)
    yield "connect-foreign-null", bytes(p)
    # Signal paths with NULL, foreign and non-devtopo parts, in both mixed modes.
    p = [0, 1] + get_device(2) + activate_device(0, IID["IDeviceTopology"])
    for i in range(6):
        p += topology(0, 4, id_ix=i)
    for frm, to in [(3, 11), (11, 3), (0, 3), (1, 3), (3, 2), (3, 19), (27, 35), (3, 3)]:
        p += signal_path(0, frm, to, 0) + signal_path(0, frm, to, 1)
    p += parts_list(0, 0, 1) + parts_list(0, 0) + parts_list(0, 1) + parts_list(0, 9)
    yield "signal-paths", bytes(p)
    # Enumeration, collections, defaults, stores and IKsControl.
    p = [2, 1]
    for flow in range(4):
        for mask in range(6):
            p += enum_endpoints(flow, mask)
    for flow in range(4):
        for role in range(4):
            p += default_endpoint(flow, role)
    p += collection_item(0, 0) + collection_item(1, 1) + collection_item(0, 5)
    p += [1, 0, 0, OK, 1]
    for n in range(6):
        p += get_device(n) + device(n, 2, [n % 5]) + activate_device(n, IID["IKsControl"])
    for n in range(4):
        p += store(n, 0) + store(n, 1, n) + store(n, 2, n) + store(n, 3)
    p += ks(0, [0] * 24, 4) + ks(0, [1] * 8, 4) + ks(0, [0] * 32, 0, 1)
    p += qi(3, IID["IMMEndpoint"]) + qi(4, IID["IAudioClient"]) + qi(2, IID["IUnknown"])
    yield "enumerate-stores-ks", bytes(p)
    # Lifetimes: devices removed under live objects, states changed, releases in any order.
    p = list(walk(0, 4))
    p += lifetime(2, 2) + lifetime(0, 3, 2) + lifetime(1, 3, 0)
    p += part(0, 0) + part(1, 9) + connector(0, 6) + topology(0, 5) + device(0, 1)
    for k in range(12):
        p += lifetime(k * 7, 1) + lifetime(k * 3, 0)
    p += device(0, 0) + part(2, 0) + qi(5, IID["IPart"])
    yield "remove-release", bytes(p)
    # NULL out-pointers on every kind of call.
    p = [0, 1] + get_device(2) + activate_device(0, IID["IDeviceTopology"])
    p += topology(0, 4, id_ix=2)
    p += [0, 0, 2, 0, 0, 4 * 2 + 2, OK] + [0, 0, 2, 0, OK, 10, 0]
    p += [2, 0, 0, 0] + [2, 0, 0, 3, 16, OK] + [2, 0, OK, 3, 16, 0]
    p += [4, 0, 0, 0, 2] + [6, 0, 0, 0] + [6, 0, 0, 10, 10, 1, 0] + [8, 1, 18, 0]
    p += [13, 0, 0, 0, 1, 10] + [13, 0, 0, 0, 0]
    yield "null-pointers", bytes(p)
    rng = random.Random(12)
    for i in range(4):
        yield f"random-{i}", bytes([i % 4, 1] + [rng.randrange(256) for _ in range(400)])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, data in seeds():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
