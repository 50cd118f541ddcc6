f(x)
f()
f(a: 1, 2)
f(1, a: 2, *rest, *:opts)
git branch: 'dev', url: u
sh "make"
echo 'x' + y
input message: 'ok?'
checkout scm
sleep 5
agent any
this.sh 'x'
steps.echo "x"
x = foo bar
stage('x') { sh 'ls' }
dir('d') { }
node { }
list.each { }
retry(3) { }
docker.image('x').inside('-u 0') { sh 'id' }
timeout(time: 5, unit: 'MINUTES') { }
parallel a: { }, b: { }
obj.m(1) { } { }
a?.b?.c()
a*.b()
a[i]
a[1, 2]
a.'quoted'
a."${dyn}"()
x.class
e.in
this.&foo
obj.&bar
new Foo(1, 2)
new HashMap<String, List<String>>()
new int[3]
new String[2][3]
new Thread({ run() }).start()
(c)(1)
m.f(1)(2)
println (x).size()
println -x
foo [1]
checkout scm master
"method name" { }
