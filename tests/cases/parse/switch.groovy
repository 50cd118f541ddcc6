switch (x) {
    case 1:
    case 'two':
        println 'one or two'
        break
    case [3, 4]:
        println 'list'
    case 5..9:
        println 'range, falls through'
        break
    case ~/ab.*/:
        println 'regex'
        break
    case { it > 100 }:
        println 'closure'
        break
    case Integer:
    case java.util.List:
        println 'class'
        break
    default:
        println 'default'
}
switch (y) { case 1: a(); break; default: b() }
