from allervers.app import main

raise SystemExit(main())
