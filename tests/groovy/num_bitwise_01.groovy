println 6 & 3
println 6 | 3
println 6 ^ 3
println ~5
println 1 << 4
println(-16 >> 2)
println(-16 >>> 28)
println 0xFF
println 0b101
println 017
println 1_000_000
println 0x7FFFFFFF + 1
println 1L << 40
println Integer.toBinaryString(10)
