def fact
fact = { n -> n <= 1 ? 1 : n * fact(n - 1) }
println fact(10)
println fact(20)
println fact(25)
def walk
walk = { node, depth = 0 ->
  println('  ' * depth + node.name)
  node.children?.each { walk(it, depth + 1) }
}
walk([name: 'root', children: [[name: 'a', children: [[name: 'a1']]], [name: 'b']]])
def fib = { n -> n < 2 ? n : call(n - 1) + call(n - 2) }
println fib(15)
