import sys, json, re
# Turns oracle output lines (row \t OK|ERR \t go-quoted) into C++ table rows.
def unq(s):
    # Undoes Go's %q: \\ \" \n \t \xHH (raw bytes) \uHHHH.
    assert s[0] == '"' and s[-1] == '"'
    s = s[1:-1]
    out = bytearray(); i = 0
    while i < len(s):
        c = s[i]
        if c != '\\':
            out += c.encode(); i += 1; continue
        e = s[i+1]
        if e == 'x': out.append(int(s[i+2:i+4], 16)); i += 4
        elif e == 'u': out += chr(int(s[i+2:i+6], 16)).encode(); i += 6
        else: out += {'n': b'\n', 't': b'\t', '"': b'"', '\\': b'\\'}[e]; i += 2
    return out.decode('utf-8', 'surrogateescape')
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    row, status, q = line.rstrip("\n").split("\t", 2)
    val = unq(q)
    if status == "ERR":
        m = re.search(r"error calling [A-Za-z_0-9]+: (.*)$", val, re.S)
        if not m:
            print("skip", row, val, file=sys.stderr); continue
        want = "ERR " + m.group(1)
    elif status == "OK":
        want = val
    else:
        print("skip", row, val, file=sys.stderr); continue
    out.append('    {R"~(%s)~", R"~(%s)~"},' % (row, want))
print("\n".join(out))
