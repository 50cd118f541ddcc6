// this(...) and super(...) calls in constructors
class Base {
  String kind
  Base(String kind) { this.kind = kind }
  String describe() { "base:${kind}" }
}
class Job extends Base {
  int retries
  Job(String kind) { this(kind, 1) }
  Job(String kind, int retries) { super(kind.toUpperCase()); this.retries = retries }
  String describe() { super.describe() + " x${retries}" }
}
println new Job('build').describe()
println new Job('deploy', 3).describe()
println new Job('t').kind
println new Job('t') instanceof Base
