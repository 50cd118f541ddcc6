def s = '  \t padded \n '
println '[' + s.trim() + ']'
println '[' + s.strip() + ']'
println '[' + s.stripLeading() + ']'
println '[' + s.stripTrailing() + ']'
println '\u2003x\u2003'.trim().length()
println '\u2003x\u2003'.strip().length()
println '   '.isBlank()
println ''.isEmpty()
