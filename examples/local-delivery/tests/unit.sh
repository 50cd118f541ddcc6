#!/bin/sh
# unit.sh BINARY: runs the unit cases against BINARY and writes a JUnit XML report to stdout.
bin=$1
cases=0 failures=0 body=""
check() { # name expected args...
  name=$1 expected=$2; shift 2
  cases=$((cases + 1))
  actual=$("$bin" "$@" 2>&1)
  if [ "$actual" = "$expected" ]; then
    body="$body<testcase classname=\"greet\" name=\"$name\"/>"
  else
    failures=$((failures + 1))
    body="$body<testcase classname=\"greet\" name=\"$name\"><failure message=\"expected '$expected', got '$actual'\"/></testcase>"
  fi
}
check default_greeting "Hello, world!"
check named_greeting "Hello, Jenkins!" Jenkins
check version "greet $EXPECTED_VERSION" --version
echo "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
echo "<testsuite name=\"unit\" tests=\"$cases\" failures=\"$failures\">$body</testsuite>"
