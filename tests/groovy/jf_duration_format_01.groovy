def fmt(long ms) {
  def s = ms.intdiv(1000)
  def parts = []
  if (s >= 3600) parts << "${s.intdiv(3600)}h"
  if (s % 3600 >= 60) parts << "${(s % 3600).intdiv(60)}m"
  parts << "${s % 60}s"
  parts.join(' ')
}
[999L, 61000L, 3723000L, 7200000L].each { println fmt(it) }
def mins = 125
println String.format('%02d:%02d', mins.intdiv(60), mins % 60)
println "${(90 / 60)} hours"
println "${90.intdiv(60)} hours"
