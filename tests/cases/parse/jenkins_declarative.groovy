pipeline {
    agent { label 'linux' }
    options {
        timeout(time: 1, unit: 'HOURS')
        buildDiscarder(logRotator(numToKeepStr: '10'))
    }
    environment {
        IMAGE = "app:${env.BUILD_NUMBER}"
        CREDS = credentials('creds-id')
    }
    parameters {
        string(name: 'TARGET', defaultValue: 'dev', description: 'where')
        booleanParam(name: 'DRY', defaultValue: false)
    }
    stages {
        stage('Build') {
            when { branch 'main' }
            steps {
                sh '''
                    make build
                '''
                script {
                    def v = sh(script: 'git rev-parse HEAD', returnStdout: true).trim()
                    currentBuild.displayName = "#${BUILD_NUMBER} ${v}"
                }
            }
        }
        stage('Test') {
            parallel {
                stage('Unit') { steps { sh 'make unit' } }
                stage('Lint') { steps { sh 'make lint' } }
            }
        }
    }
    post {
        always { junit '**/target/*.xml' }
        failure { mail to: 'team@example.com', subject: "Failed: ${env.JOB_NAME}" }
    }
}
