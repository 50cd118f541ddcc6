def a = 1
foo(a b)
def c = 3
bar(c d)
