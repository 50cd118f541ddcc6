def calls = 0
def slow = { n -> calls++; n * n }.memoize()
println slow(4)
println slow(4)
println slow(5)
println calls
def sumTo
sumTo = { n, acc = 0 -> n == 0 ? acc : sumTo.trampoline(n - 1, acc + n) }.trampoline()
println sumTo(1000)
