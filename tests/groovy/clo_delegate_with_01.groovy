class Cfg { String name; int replicas = 1; List labels = [] }
def c = new Cfg()
c.with {
  name = 'svc'
  replicas = 3
  labels << 'a'
}
println "${c.name} ${c.replicas} ${c.labels}"
def r = c.with { name.toUpperCase() + replicas }
println r
def m = [a: 1]
m.with { put('b', 2) }
println m
def sb = new StringBuilder()
sb.with {
  append('x')
  append(1)
}
println sb
