def i = 5
def a = i++
def b = ++i
println "$a $b $i"
def d = 1.5
d++
println d
d += 0.25
println d
def s = 'x'
s += 1
println s
def l = [1]
l += 2
println l
l -= 1
println l
int n = 7
n /= 2
println n
def m = 7
m /= 2
println m
def k = 10
k **= 2
println k
