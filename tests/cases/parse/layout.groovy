#!/usr/bin/env groovy
// Statements end at a newline or `;`; a line continues after a binary operator,
// `(`, `[`, `,`, `{`, `=`, and before a `.` member access.
a = 1; b = 2
/* a block
   comment */ c = 3
def total = a +
    b *
    c
def list = [
    1,
    2,
]
call(
    a,
    b
)
def s = "one" \
    + "two"
def chained = list
    .collect { it * 2 }
    ?.findAll { it > 2 }
    *.toString()
def t = flag
    ? 'yes'
    : 'no'
