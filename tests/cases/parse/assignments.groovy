x = 1
x += 1
x -= 1
x *= 2
x /= 2
x %= 3
x **= 2
x <<= 1
x >>= 1
x >>>= 1
x &= 1
x |= 1
x ^= 1
a = b = c
(a, b) = [b, a]
m.key = 'v'
m['k'] = 'v'
env.FOO = "bar"
obj.@field = 1
x = foo bar
x = sh script: 'ls', returnStdout: true
while ((line = r.readLine()) != null) { println line }
