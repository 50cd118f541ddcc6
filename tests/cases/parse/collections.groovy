l1 = []
l2 = [1, 2, 3,]
l3 = [*a, b, *[c, d]]
l4 = [[1, 2], [3]]
m1 = [:]
m2 = [a: 1, (k): v, 'x-y': 2, "${k}": 3, 1: 'one', *: other]
m3 = [class: 'c', default: 'd', in: 'i', if: 1]
m4 = [
    name: 'n',
    nested: [x: [1, 2]],
]
m5 = [a: b ? c : d, e: f ?: g]
