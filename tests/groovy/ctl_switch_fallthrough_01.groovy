def describe(x) {
  def out = []
  switch (x) {
    case 1:
      out << 'one'
    case 2:
      out << 'two'
      break
    case 3..5:
      out << 'three-five'
      break
    case Integer:
      out << 'int'
      break
    case String:
      out << 'string'
    default:
      out << 'default'
  }
  out
}
[1, 2, 4, 9, 's', 2.5, null].each { println "$it: ${describe(it)}" }
