pipeline {
    environment {
        FOO = 'bar'
    }
}
