def people = [[name: 'ann', age: 30], [name: 'bob', age: 25], null]
println people*.name
println people*.get('age')
println people.findAll()*.name*.toUpperCase()
def strs = ['a', 'bb', null]
println strs*.size()
def add(a, b, c) { a + b + c }
def args = [1, 2, 3]
println add(*args)
println add(*['x', 'y'], 'z')
println([*args, *[4, 5]])
println([a: 1, *: [b: 2, c: 3]])
