r1 = -2**2
r2 = 2**3**2
r3 = a + b * c - d / e % f
r4 = a << 1 + 2
r5 = 1..10
r6 = 1..<n + 1
r7 = !a && b || c
r8 = a ?: b ?: c
r9 = c ? x : y ? z : w
r10 = x in list && y instanceof String
r11 = (v as int) + 1
r12 = s ==~ /a+/ || s =~ 'b'
r13 = a <=> b
r14 = a & b | c ^ d
r15 = a == b != c
r16 = a < b && c >= d
r17 = ~x + ~/re/
r18 = (int) 9.99
r19 = (String) x
r20 = (a) + b
r21 = (List<String>) y
r22 = -x.y
r23 = i++ + ++j - k-- - --l
r24 = !x.empty
r25 = a >> 2 >>> 1
r26 = (x = 5)
r27 = a*.b
r28 = (int[]) z
r29 = -(a + b)
