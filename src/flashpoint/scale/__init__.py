"""Scale-out (issue 7): a process pool for ``ingest`` and a Dask run to a Parquet dataset.

``parallel`` needs only the standard library; ``dask`` imports Dask lazily and says which
package is missing. ``dataset`` defines the Parquet tables both share with the store.
"""

from __future__ import annotations
