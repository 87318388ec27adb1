"""``python -m kg`` runs the policykg command line."""

from kg.cli import main

if __name__ == "__main__":
    main()
