try: pass
except E, f(): pass
