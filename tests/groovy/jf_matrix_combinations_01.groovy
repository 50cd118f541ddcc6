def axes = [os: ['linux', 'windows'], jdk: ['11', '17'], db: ['pg']]
def combos = axes.values().toList().combinations()
println combos.size()
combos.sort { a, b -> a.toString() <=> b.toString() }.each { println it }
def cells = [['linux', 'windows'], ['11', '17']].combinations().collect { os, jdk -> "${os}-jdk${jdk}" }
println cells.sort()
def excluded = cells.findAll { !(it =~ /windows-jdk11/) }
println excluded.sort()
