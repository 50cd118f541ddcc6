def f(a, String b = 'x') { a + b }
String g() { 'g' }
void h() {}
static def s() {}
private int p(int x) { x }
@NonCPS
def nonCps(List<String> items) { items.sort() }
def varargs(String... xs) { xs.length }
List<String> generic() { [] }
def withClosure(Closure body = { -> 1 }) { body() }
def "quoted name"() { }
def noBody()
{
    1
}
