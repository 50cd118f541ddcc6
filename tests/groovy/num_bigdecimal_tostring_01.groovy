import java.math.RoundingMode
println 1.10
println 1.10 + 0.20
println 0.1 + 0.2
println 0.1d + 0.2d
println 1.0 * 3
println 2.50 * 2
println 1e2
println 1.5e3.getClass().name
println 100.0 / 3
println 10.0 / 4
println 1.0 / 3 * 3
println 123.456.setScale(1, RoundingMode.HALF_UP)
println 2.5.setScale(0, BigDecimal.ROUND_HALF_EVEN)
println new BigDecimal('1E+3')
println new BigDecimal('1E+3').toPlainString()
println 3.0.stripTrailingZeros()
