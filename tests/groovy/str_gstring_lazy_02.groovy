def n = 1
def eager = "n=${n}"
def lazy = "n=${-> n}"
n = 2
println eager
println lazy
n = 3
println lazy
def list = ['a']
def g = "list=${list}"
list << 'b'
println g
def sb = new StringBuilder('x')
def g2 = "sb=$sb"
sb.append('y')
println g2
println g.values.toList()
println g.strings.toList()
