"""``python -m hunyuan_kg``: the ``hunyuan-kg`` command."""

from .cli import main

if __name__ == "__main__":
    main()
