def f() { return foo 1 }
