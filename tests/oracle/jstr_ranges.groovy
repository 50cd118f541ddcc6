// Oracle for jstr::get_range: run `groovy jstr_ranges.groovy > jstr_ranges.out`.
def show = { String label, Closure c -> try { def r = c(); println label + ' => <' + r + '>' } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message } }
def s = 'abcdef'
show('1..3') { s[1..3] }
show('3..1') { s[3..1] }
show('-1..0') { s[-1..0] }
show('0..-1') { s[0..-1] }
show('-3..-1') { s[-3..-1] }
show('-1..-3') { s[-1..-3] }
show('1..<3') { s[1..<3] }
show('3..<1') { s[3..<1] }
show('2..<2') { s[2..<2] }
show('1..9') { s[1..9] }
show('-9..1') { s[-9..1] }
show('6..6') { s[6..6] }
show('0..<6') { s[0..<6] }
show('5..<6') { s[5..<6] }
show('-1..<0') { s[-1..<0] }
show('emoji') { 'a😀b'[1..2] }
