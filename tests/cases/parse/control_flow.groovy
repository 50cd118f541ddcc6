if (a) b()
if (a) { b() } else { c() }
if (a) {
    b()
}
else if (c)
{
    d()
}
else
    e()
if (a) b() else c()
for (x in xs) { println x }
for (def x in xs) println x
for (String x : xs) { }
for (int i = 0; i < n; i++) { }
for (i = 0; i < n; i += 2) { }
for (;;) { break }
while (true) {
    continue
}
outer:
for (x in xs) {
    for (y in ys) {
        if (y) continue outer
        break outer
    }
}
