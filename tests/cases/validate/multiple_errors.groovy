// One mistake per section: every problem is reported at once.
pipeline {
    agent { label 'linux'; docker 'maven:3' }
    environment {
        GREETING = 'hello'
        GREETING = "hello again"
        BUILD-DIR = 'out'
    }
    options {
        timestamp()
        preserveStashes(buildCount: 99)
    }
    stages {
        stage('Build') {
            sh 'make'
        }
        stage('Test') {
            steps {
                sh 'make test'
            }
        }
        stage('Test') {
            when { branch 'main' }
        }
    }
    post {
        allways {
            echo 'done'
        }
    }
}
