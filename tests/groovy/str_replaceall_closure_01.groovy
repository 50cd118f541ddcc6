def s = 'version 1.2.3 and 4.5.6'
println s.replaceAll(/(\d+)\.(\d+)\.(\d+)/) { all, ma, mi, pa -> "${ma}.${mi}.${(pa as int) + 1}" }
println s.replaceAll(/\d+/) { it * 2 }
println s.replaceAll(/(\d)\.(\d)/, '$2.$1')
println s.replaceFirst(/\d+/, 'X')
println 'a.b.c'.replace('.', '/')
println 'a.b.c'.replaceAll('.', '/')
println 'hello world'.replaceAll(/o/) { m -> m.toUpperCase() }
println 'path/to/file'.replaceAll('/', '\\\\')
