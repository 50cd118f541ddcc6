def passed = 7, total = 9
println passed / total
println passed / total * 100
println((passed / total * 100) as int)
println Math.round(passed / total * 100)
println String.format('%.1f%%', passed / total * 100)
println((passed * 100).intdiv(total))
println(((passed / total) * 100).setScale(2, BigDecimal.ROUND_HALF_UP))
println String.format('%.2f', 1.005)
println String.format('%.2f', 1.005d)
println String.format('%.1f', 0.25)
println String.format('%.1f', 0.35d)
println String.format('%d%%', 50)
