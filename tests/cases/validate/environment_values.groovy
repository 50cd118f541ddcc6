pipeline {
    agent any
    environment {
        FROM_VAR = someVariable
        MINUS = "a" - "b"
        JOINED = 'a' + System.getenv('HOME')
        BARE = ${env.BUILD_NUMBER}
        1ST = 'no'
        $DOLLAR = 'no'
        SECRET = credentials(someId)
    }
    stages {
        stage('a') {
            steps {
                echo "${FROM_VAR}"
            }
        }
    }
}
