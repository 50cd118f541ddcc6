a = 'single $not interpolated'
b = "double"
c = "hello ${name}!"
d = "path: $env.HOME/bin and $x.y.z."
e = "$a.b() is not a call"
f = "empty: ${}"
g = "lazy: ${-> counter}"
h = "escapes: \n \t \b \r \f \\ \' \" \$ \u0041 \101 \0"
i = '''triple
single ${not}'''
j = """triple
double ${x + 1} and $y"""
k = /slashy \d+ \/ $var ${1 + 1}/
l = $/dollar $name slashy $$ $/ / \d/$
m = "line \
continued"
n = ""
o = "${a}${b}"
p = "statements: ${x; y}"
q = "${sh(returnStdout: true, script: 'date').trim()}"
r = 'it''s'
