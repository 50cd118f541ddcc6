node('linux') {
    stage('wrapped') {
        pipeline {
            agent any
            stages {
                stage('a') {
                    steps {
                        echo 'a'
                    }
                }
            }
        }
    }
}
