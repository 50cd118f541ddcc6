def class = 'Foo'
