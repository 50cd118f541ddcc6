def a = '''never
closed
