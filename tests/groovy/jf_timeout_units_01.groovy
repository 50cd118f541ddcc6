def toSeconds(String spec) {
  def m = spec =~ /^(\d+)\s*([smhd]?)$/
  if (!m.matches()) throw new IllegalArgumentException("bad spec: ${spec}")
  def n = m.group(1) as long
  switch (m.group(2)) {
    case 'm': return n * 60
    case 'h': return n * 3600
    case 'd': return n * 86400
    default: return n
  }
}
['30', '5m', '2h', '1d', '10 s'].each { println "${it} -> ${toSeconds(it)}" }
try { toSeconds('1w') } catch (IllegalArgumentException e) { println e.message }
println toSeconds('3h').getClass().name
