def kind(v) {
  switch (v) {
    case null: return 'null'
    case ~/\d+/: return 'digits'
    case [true, false]: return 'bool'
    case Map: return 'map'
    case List: return 'list'
    case { it instanceof Number && it < 0 }: return 'negative'
    case Number: return 'number'
    default: return 'other:' + v.getClass().simpleName
  }
}
[null, '123', true, [a: 1], [1], -3, 4.5, 'abc', 'x' as char].each { println kind(it) }
