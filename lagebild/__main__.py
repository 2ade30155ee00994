from lagebild.serve.cli import main

raise SystemExit(main())
