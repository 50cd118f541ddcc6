def x
def y = 1
String s = 'x'
List<String> l = []
Map<String, List<Integer>> m = [:]
def a = 1, b
int i = 0, j = 2
final f = 1
final String g = 'g'
static int counter = 0
def (p, q) = [1, 2]
def (String first, int second) = ['a', 1]
String[] names = ['a']
java.util.Date when = null
@Field def field = 1
@groovy.transform.Field String other = 'o'
def out = sh script: 'ls', returnStdout: true
