def f() {
    return
}
def g() { return 1 + 2 }
def h() {
    return [a: 1]
}
assert x == 1
assert list.size() > 0 : "list must not be empty"
assert a, 'message with a comma'
