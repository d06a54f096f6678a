VALUE = 100

if __name__ == '__main__':
    VALUE = -1
